// The browse table's selection: shift-click or Shift+Space ticks a range, arrow keys move between rows
// (Shift+arrow extends the selection), and the count of selected cards is kept up to date for screen readers.
// Without this script the boxes still tick one by one and the form still works.
(function () {
  "use strict";
  var form = document.getElementById("bulk");
  if (!form) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=card]"));
  var pickPage = document.getElementById("pick-page");
  var count = document.getElementById("selected-count");
  var selectedScope = form.querySelector("input[name=scope][value=selected]");
  var anchor = null;

  function refresh() {
    var ticked = boxes.filter(function (b) { return b.checked; }).length;
    count.textContent = String(ticked);
    boxes.forEach(function (b) { b.closest("tr").classList.toggle("picked", b.checked); });
    pickPage.checked = ticked === boxes.length && ticked > 0;
    pickPage.indeterminate = ticked > 0 && ticked < boxes.length;
    if (ticked > 0) {
      selectedScope.checked = true;
    }
  }

  function tickRange(from, to, checked) {
    var a = boxes.indexOf(from), b = boxes.indexOf(to);
    for (var i = Math.min(a, b); i <= Math.max(a, b); i++) {
      boxes[i].checked = checked;
    }
  }

  boxes.forEach(function (box) {
    box.addEventListener("click", function (event) {
      if (event.shiftKey && anchor && anchor !== box) {
        tickRange(anchor, box, box.checked);
      }
      anchor = box;
      refresh();
    });
    box.addEventListener("keydown", function (event) {
      var at = boxes.indexOf(box);
      if (event.key === " " && event.shiftKey && anchor && anchor !== box) {
        event.preventDefault();
        tickRange(anchor, box, true);
        anchor = box;
        refresh();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        var next = boxes[at + (event.key === "ArrowDown" ? 1 : -1)];
        if (!next) {
          return;
        }
        event.preventDefault();
        if (event.shiftKey) {
          if (!anchor) {
            anchor = box;
          }
          box.checked = true;
          tickRange(anchor, next, true);
          refresh();
        }
        next.focus();
      }
    });
  });

  pickPage.addEventListener("change", function () {
    boxes.forEach(function (b) { b.checked = pickPage.checked; });
    anchor = null;
    refresh();
  });

  refresh();
})();
