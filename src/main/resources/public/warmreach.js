// Warmreach dashboard behaviour that htmx does not cover. No inline scripts: the pages' CSP allows
// only this server's own files.
(function () {
  "use strict";

  function announce(text) {
    var status = document.getElementById("status");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = text; }, 50);
    }
  }

  // Copy buttons: <button data-copy="id-of-the-element-whose-text-to-copy">
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) {
      return;
    }
    var text = source.value !== undefined && source.tagName === "TEXTAREA" ? source.value : source.textContent;
    var done = function () {
      var label = button.textContent;
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
      announce("Copied to the clipboard");
      window.setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { selectText(source); done(); });
    } else {
      selectText(source);
      try { document.execCommand("copy"); } catch (e) { /* the text stays selected for Ctrl+C */ }
      done();
    }
  });

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  // Charts: <canvas data-chart='{"type": "line", "data": {...}, "options": {...}}'>
  function drawCharts(root) {
    if (!window.Chart) {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var existing = window.Chart.getChart(canvas);
      if (existing) {
        existing.destroy();
      }
      var config = JSON.parse(canvas.getAttribute("data-chart"));
      config.options = config.options || {};
      config.options.maintainAspectRatio = false;
      config.options.animation = false;
      new window.Chart(canvas, config);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawCharts(document);
    if (window.htmx) {
      window.htmx.onLoad(function (element) { drawCharts(element); });
    }
  });

  // A request htmx sends after the session ended comes back 401: sign in again, then return here.
  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 401) {
      window.location.href = "/login?next=" + encodeURIComponent(window.location.pathname + window.location.search);
      return;
    }
    var message = "The server could not do that (HTTP " + xhr.status + ")";
    try {
      var problem = JSON.parse(xhr.responseText);
      if (problem.detail) {
        message = problem.detail;
      }
    } catch (e) { /* not a problem document */ }
    announce(message);
    var target = document.getElementById("errors");
    if (target) {
      target.textContent = message;
      target.hidden = false;
    }
  });
})();
