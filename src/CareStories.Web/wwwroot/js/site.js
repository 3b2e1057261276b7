// Progressive enhancements only: every page works without this file.
(function () {
    "use strict";

    // Times are written in UTC by the server; show them in the reader's own time zone.
    const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
    const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });
    document.querySelectorAll("time[data-local]").forEach(function (el) {
        const value = new Date(el.getAttribute("datetime"));
        if (isNaN(value)) { return; }
        el.title = value.toISOString();
        el.textContent = el.dataset.local === "date" ? dateOnly.format(value) : dateTime.format(value);
    });

    // Live character counts under fields that have a limit.
    document.querySelectorAll("[data-count-for]").forEach(function (counter) {
        const field = document.getElementById(counter.dataset.countFor);
        if (!field) { return; }
        const max = parseInt(field.getAttribute("maxlength") || counter.dataset.max, 10);
        const update = function () {
            const used = field.value.length;
            counter.textContent = used.toLocaleString() + " of " + max.toLocaleString() + " characters";
            counter.classList.toggle("is-over", used > max);
        };
        field.addEventListener("input", update);
        update();
    });

    // Filter long checkbox lists (people, teams) by typing.
    document.querySelectorAll("[data-filter-for]").forEach(function (input) {
        const list = document.getElementById(input.dataset.filterFor);
        if (!list) { return; }
        input.hidden = false;
        // Enter in a filter box narrows the list; it must not submit the half-filled form around it.
        input.addEventListener("keydown", function (event) {
            if (event.key === "Enter") { event.preventDefault(); }
        });
        input.addEventListener("input", function () {
            const term = input.value.trim().toLowerCase();
            list.querySelectorAll("[data-filter-text]").forEach(function (item) {
                item.hidden = term.length > 0 && item.dataset.filterText.toLowerCase().indexOf(term) < 0;
            });
        });
    });

    // Show the customer's name field only when the consent allows a name.
    document.querySelectorAll("[data-naming]").forEach(function (group) {
        const nameField = document.getElementById(group.dataset.naming);
        if (!nameField) { return; }
        const update = function () {
            const checked = group.querySelector("input:checked");
            nameField.hidden = !checked || checked.value === "Anonymous";
        };
        group.addEventListener("change", update);
        update();
    });

    // Ask before destructive buttons.
    document.querySelectorAll("[data-confirm]").forEach(function (button) {
        button.addEventListener("click", function (event) {
            if (!window.confirm(button.dataset.confirm)) { event.preventDefault(); }
        });
    });

    // Bring the error summary into view so screen readers and keyboards land on it; after a successful post, the
    // confirmation instead (a status message the page is loaded with is otherwise never read out).
    const summary = document.querySelector("[data-error-summary]") || document.querySelector("[data-status-message]");
    if (summary) { summary.focus(); }

    // The phone menu closes on Escape, and focus goes back to the button that opened it.
    const menu = document.getElementById("main-nav");
    const toggler = document.querySelector("[data-bs-target='#main-nav']");
    if (menu && toggler && window.bootstrap) {
        document.addEventListener("keydown", function (event) {
            if (event.key !== "Escape" || !menu.classList.contains("show")) { return; }
            window.bootstrap.Collapse.getOrCreateInstance(menu, { toggle: false }).hide();
            toggler.focus();
        });
    }

    // Print buttons (the printable record); without script the browser's own print command does the same.
    document.querySelectorAll("[data-print]").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () { window.print(); });
    });
})();

// "Copy link" buttons: shown only where the browser can copy; the link itself stays visible to copy by hand.
(function () {
    "use strict";
    if (!navigator.clipboard || !window.isSecureContext) { return; }
    document.querySelectorAll("[data-copy]").forEach(function (button) {
        const source = document.getElementById(button.dataset.copy);
        const status = document.getElementById(button.dataset.copyStatus);
        if (!source) { return; }
        button.hidden = false;
        button.addEventListener("click", function () {
            const text = source.getAttribute("href") || source.textContent.trim();
            navigator.clipboard.writeText(text).then(function () {
                if (status) { status.textContent = "Link copied."; }
            }, function () {
                if (status) { status.textContent = "Could not copy: select the link and copy it yourself."; }
            });
        });
    });
})();
