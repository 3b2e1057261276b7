// The feed's filter form: leave the filters that are not set out of the URL, so a shared link reads cleanly.
(function () {
    "use strict";
    document.querySelectorAll("form[data-drop-empty]").forEach(function (form) {
        form.addEventListener("submit", function () {
            form.querySelectorAll("select, input").forEach(function (field) {
                if (field.name && field.value === "") { field.disabled = true; }
            });
        });
    });
    // Coming back to the page (back button) must find the fields usable again.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form[data-drop-empty] [disabled]").forEach(function (field) { field.disabled = false; });
    });
})();
