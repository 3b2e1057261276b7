// The huddle screen: the left and right arrow keys go to the previous and next story (the links say which key).
(function () {
    "use strict";
    document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
        const link = document.querySelector("a[data-huddle-key='" + event.key + "']");
        if (link) {
            event.preventDefault();
            window.location.assign(link.href);
        }
    });
})();
