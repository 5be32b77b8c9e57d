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
