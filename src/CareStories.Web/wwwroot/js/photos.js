// Tells the author a photo is too large before the upload starts, instead of after sending megabytes.
(function () {
    "use strict";
    document.querySelectorAll("input[type=file][data-max-bytes]").forEach(function (input) {
        const max = parseInt(input.dataset.maxBytes, 10);
        input.addEventListener("change", function () {
            const file = input.files && input.files[0];
            input.setCustomValidity(file && file.size > max ? input.dataset.tooLarge : "");
            input.reportValidity();
        });
    });
    document.querySelectorAll("form[enctype='multipart/form-data']").forEach(function (form) {
        form.addEventListener("submit", function (event) {
            const input = form.querySelector("input[type=file][data-max-bytes]");
            if (input && !input.checkValidity()) {
                event.preventDefault();
                input.reportValidity();
            }
        });
    });
})();
