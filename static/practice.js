// Practice mode: the answer timer, live coverage while ticking key points, and rating keys on the reveal.
// Everything works without this script: the server times the answer from the page's shownAt.
(function () {
  "use strict";

  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function setupTimer() {
    var form = document.getElementById("practice-answer");
    var timer = document.getElementById("practice-timer");
    if (!form || !timer) {
      return;
    }
    var target = Number(timer.getAttribute("data-target")) || 0;
    var elapsed = timer.querySelector(".elapsed");
    var started = Date.now();
    function tick() {
      var seconds = (Date.now() - started) / 1000;
      elapsed.textContent = clock(seconds);
      timer.classList.toggle("over", target > 0 && seconds > target);
    }
    setInterval(tick, 1000);
    form.addEventListener("submit", function () {
      form.querySelector("input[name=seconds]").value = String(Math.round((Date.now() - started) / 1000));
    });
  }

  // Keys that work while typing an answer (a plain key would only type itself): Ctrl/⌘+Enter submits, Esc leaves
  // the box; outside it Enter goes back in and the page's other keys (U to undo) work. The stylesheet shows the
  // key help of the current state (whether the box has the focus).
  function setupAnswerKeys() {
    var form = document.getElementById("practice-answer");
    var box = document.getElementById("practice-text");
    if (!form || !box) {
      return;
    }
    if (/Mac|iPhone|iPad/.test(navigator.platform)) {
      document.querySelectorAll("kbd.mod").forEach(function (k) { k.textContent = "⌘"; });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.altKey) {
        event.preventDefault();
        form.requestSubmit();
        return;
      }
      if (event.key === "Escape" && event.target === box) {
        event.preventDefault();
        box.blur();
        return;
      }
      var t = event.target;
      var onControl = t && t.closest && t.closest("a[href], button, input, textarea, select, summary") !== null;
      if (event.key === "Enter" && !onControl && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        box.focus();
      }
    });
  }

  // Same thresholds as the server's SuggestedRating.
  function suggest(coverage, seconds, target) {
    if (coverage < 0.4) { return 1; }
    if (coverage < 0.7) { return 2; }
    if (coverage >= 0.9 && seconds <= target) { return 4; }
    return 3;
  }

  function setupReveal() {
    var form = document.getElementById("practice-rate");
    if (!form) {
      return;
    }
    var seconds = Number(form.getAttribute("data-seconds")) || 0;
    var target = Number(form.getAttribute("data-target")) || 0;
    var boxes = form.querySelectorAll("input[name=covered]");
    var names = form.getAttribute("data-ratings").split(",");
    function update() {
      var covered = 0;
      boxes.forEach(function (box) {
        if (box.checked) { covered++; }
        var item = box.closest("li");
        item.classList.toggle("covered", box.checked);
        item.classList.toggle("missed", !box.checked);
        item.querySelector(".verdict").textContent = box.checked ? form.getAttribute("data-covered") : form.getAttribute("data-not-covered");
        var reason = item.querySelector(".reason");
        if (reason) {
          // The checker's reason stays, marked as overruled once the user's tick differs from its verdict.
          reason.classList.toggle("overruled", box.checked !== box.defaultChecked);
        }
      });
      var coverage = boxes.length ? covered / boxes.length : 0;
      document.getElementById("practice-coverage").textContent = Math.round(coverage * 100) + " %";
      document.getElementById("practice-covered").textContent = String(covered);
      var rating = suggest(coverage, seconds, target);
      document.getElementById("practice-suggested").textContent = names[rating - 1];
      form.querySelectorAll("button.rate").forEach(function (b) {
        var on = b.value === String(rating);
        b.classList.toggle("suggested", on);
        var mark = b.querySelector(".suggested-mark");
        if (on && !mark) {
          mark = document.createElement("span");
          mark.className = "suggested-mark";
          mark.textContent = form.getAttribute("data-suggested");
          b.insertBefore(mark, b.querySelector("kbd"));
        } else if (!on && mark) {
          mark.remove();
        }
      });
    }
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    // Enter on a key point would submit with the form's first button, Again: take the suggestion instead.
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.tagName === "INPUT") {
        var current = form.querySelector("button.rate.suggested");
        if (current) {
          event.preventDefault();
          current.click();
        }
      }
    });
    // Focus (without scrolling away from the comparison) so Enter takes the suggestion.
    var suggested = form.querySelector("button.rate.suggested");
    if (suggested) {
      suggested.focus({ preventScroll: true });
    }
    document.addEventListener("keydown", function (event) {
      var t = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || (t && (t.tagName === "TEXTAREA" || t.tagName === "INPUT" && t.type === "text"))) {
        return;
      }
      if (/^[1-4]$/.test(event.key)) {
        var button = document.getElementById("rate-" + event.key);
        if (button) {
          event.preventDefault();
          button.click();
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupTimer();
    setupAnswerKeys();
    setupReveal();
  });
})();
