// Keyboard study and small conveniences. Every action also works without this script.
(function () {
  "use strict";

  // Key hints (kbd) are shown only when this script runs, since only then do the keys work.
  document.documentElement.classList.add("keys");

  function typing(event) {
    var t = event.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }

  // A focused link or button keeps its own Enter and Space: the practice toggle, undo, the breadcrumb.
  function onControl(event) {
    var t = event.target;
    return t && t.closest && t.closest("a[href], button") !== null;
  }

  function setupStudy() {
    var reveal = document.getElementById("reveal");
    var started = Date.now();
    document.querySelectorAll(".rate-form").forEach(function (form) {
      form.addEventListener("submit", function () {
        form.querySelector("input[name=durationMs]").value = String(Date.now() - started);
      });
    });
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      var key = event.key;
      if (reveal && (key === " " || key === "Enter") && !reveal.open && !onControl(event)) {
        event.preventDefault();
        reveal.open = true;
        var good = document.getElementById("rate-3");
        if (good) {
          good.focus({ preventScroll: true });
        }
        return;
      }
      if (reveal && reveal.open && /^[1-4]$/.test(key)) {
        var button = document.getElementById("rate-" + key);
        if (button) {
          event.preventDefault();
          button.click();
        }
        return;
      }
      if (key === "u" || key === "U") {
        var undo = document.getElementById("undo");
        if (undo) {
          event.preventDefault();
          undo.click();
        }
      }
    });
  }

  // The card on screen (study page or its own page): - buries, @ suspends, Ctrl+1..4 flags, as in Anki. Each clicks
  // its button, which works without this script too. Some browsers keep Ctrl+1..4 for switching tabs; the flag
  // buttons stay.
  function setupMarks() {
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.altKey || event.metaKey) {
        return;
      }
      var id = null;
      if (event.ctrlKey && /^[1-4]$/.test(event.key)) {
        id = "flag-" + event.key;
      } else if (!event.ctrlKey && event.key === "-") {
        id = "mark-bury";
      } else if (!event.ctrlKey && event.key === "@") {
        id = "mark-suspend";
      }
      var button = id && document.getElementById(id);
      if (button) {
        event.preventDefault();
        button.click();
      }
    });
  }

  // Cramming: Space shows the answer, N or → goes to the next card.
  function setupCram() {
    var reveal = document.getElementById("cram-reveal");
    var next = document.getElementById("cram-next");
    document.addEventListener("keydown", function (event) {
      if (typing(event) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      if (event.key === " " && reveal && !reveal.open && !onControl(event)) {
        event.preventDefault();
        reveal.open = true;
        next.focus({ preventScroll: true });
      } else if ((event.key === "n" || event.key === "N" || event.key === "ArrowRight") && next) {
        event.preventDefault();
        next.click();
      }
    });
  }

  function setupLivePreview() {
    var answer = document.getElementById("answer");
    var preview = document.getElementById("answer-preview");
    var csrf = document.querySelector("form.card-editor input[name=_csrf]");
    if (!answer || !preview || !csrf) {
      return;
    }
    var timer = null;
    answer.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var body = new URLSearchParams();
        body.set("_csrf", csrf.value);
        body.set("answer", answer.value);
        fetch("/preview", { method: "POST", body: body, credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) { preview.innerHTML = html; } });
      }, 250);
    });
  }

  // A status region that already holds its text when the page loads is not announced by every screen reader;
  // putting the text back a moment later is a change they do announce. The text is on screen either way.
  function announceFlash() {
    var flash = document.querySelector(".flash[role=status]");
    if (!flash) {
      return;
    }
    var message = Array.prototype.slice.call(flash.childNodes);
    message.forEach(function (node) { flash.removeChild(node); });
    setTimeout(function () {
      message.forEach(function (node) { flash.appendChild(node); });
    }, 100);
  }

  document.addEventListener("DOMContentLoaded", function () {
    announceFlash();
    if (document.getElementById("study")) {
      setupStudy();
    }
    if (document.getElementById("card-marks")) {
      setupMarks();
    }
    if (document.getElementById("cram-reveal")) {
      setupCram();
    }
    setupLivePreview();
  });
})();
