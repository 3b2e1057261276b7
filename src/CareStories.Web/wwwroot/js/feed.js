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
    // The filters fold away on a narrow screen so the stories come first; on a wide one they stay open beside them.
    document.querySelectorAll("details[data-fold-below]").forEach(function (fold) {
        const wide = window.matchMedia("(min-width: " + fold.dataset.foldBelow + "px)");
        if (!wide.matches) { fold.open = false; }
        fold.querySelector("summary").addEventListener("click", function (event) {
            if (wide.matches) { event.preventDefault(); }
        });
    });
    // Coming back to the page (back button) must find the fields usable again.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form[data-drop-empty] [disabled]").forEach(function (field) { field.disabled = false; });
    });
})();
