// Draws every Insights chart from its canvas's data-chart attribute (the page's own numbers, also shown in the
// table beside it). No inline script: the Content-Security-Policy allows only files from this app.
(function () {
    'use strict';
    if (typeof window.Chart === 'undefined') {
        return; // The tables carry the same numbers.
    }

    // Distinguishable with common colour-blindness, and dark enough on white.
    var colours = ['#1f5fa8', '#c2571a', '#2f7d4f', '#7a4fa3', '#a3213b'];
    var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var spec;
        try {
            spec = JSON.parse(canvas.getAttribute('data-chart'));
        } catch (e) {
            return;
        }

        var format = function (value) {
            return spec.percent ? Math.round(value * 100) + '%' : Number(value).toLocaleString();
        };
        new window.Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (series, i) {
                    return {
                        label: series.name,
                        data: series.values,
                        backgroundColor: colours[i % colours.length],
                        borderColor: colours[i % colours.length],
                        borderWidth: spec.type === 'line' ? 2 : 0,
                        tension: 0.2,
                        pointRadius: 3
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: reduceMotion ? false : { duration: 300 },
                plugins: {
                    legend: { display: spec.series.length > 1, position: 'bottom' },
                    tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + format(ctx.parsed.y); } } }
                },
                scales: {
                    x: { stacked: !!spec.stacked },
                    y: {
                        stacked: !!spec.stacked,
                        beginAtZero: true,
                        suggestedMax: spec.percent ? 1 : undefined,
                        ticks: { precision: 0, callback: function (value) { return format(value); } }
                    }
                }
            }
        });
    });

    // "Chosen dates" becomes the period as soon as someone types a date.
    var choice = document.querySelector('[data-period-choice]');
    document.querySelectorAll('input[name="from"], input[name="to"]').forEach(function (input) {
        input.addEventListener('change', function () {
            if (choice) {
                choice.value = 'dates';
            }
        });
    });
})();
