// ClinicSite default theme: small progressive enhancements. The site works without them.
(function () {
  "use strict";

  // Mark today's row in the opening-hours tables.
  var days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
  var today = days[new Date().getDay()];
  document.querySelectorAll(".hours .day-" + today).forEach(function (row) {
    row.classList.add("today");
    row.setAttribute("aria-current", "date");
  });

  // Closures and special hours on the visitor's day: the page carries their dates, and the
  // build may be days old. Only what has come due is shown and only what is over is hidden, so
  // a page built for a later day (build --today) keeps what it shows.
  function isoDay(date) {
    function pad(number) { return (number < 10 ? "0" : "") + number; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }
  var now = new Date();
  var todayISO = isoDay(now);
  var weekEndISO = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 6));
  function showFrom(element, first, last) {
    if (last < todayISO) element.hidden = true;
    else if (first <= todayISO) element.hidden = false;
  }
  document.querySelectorAll("[data-closure-notice] [data-show-from]").forEach(function (notice) {
    showFrom(notice, notice.getAttribute("data-show-from"), notice.getAttribute("data-to"));
  });
  document.querySelectorAll("[data-closures] [data-to]").forEach(function (entry) {
    showFrom(entry, entry.getAttribute("data-from"), entry.getAttribute("data-to"));
  });
  document.querySelectorAll(".hours .hours-note[data-date]").forEach(function (note) {
    var date = note.getAttribute("data-date");
    if (date < todayISO) note.hidden = true;
    else if (date <= weekEndISO) note.hidden = false;
  });
  document.querySelectorAll(".hours tr").forEach(function (row) {
    row.classList.toggle("differs", row.querySelector(".hours-note:not([hidden])") !== null);
  });
  document.querySelectorAll("[data-closure-notice]").forEach(function (box) {
    box.hidden = box.querySelector("[data-show-from]:not([hidden])") === null;
  });
  document.querySelectorAll("[data-closures]").forEach(function (box) {
    box.hidden = box.querySelector("[data-to]:not([hidden])") === null;
  });

  // A print button, shown only when it can work.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  // Opening a linked FAQ answer: /faq/#question-id opens that question.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (target && target.tagName === "DETAILS") {
      target.open = true;
      target.scrollIntoView();
    }
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Printed handouts show every answer; the reader's choice is restored afterwards.
  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      closedForPrint.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });
})();
