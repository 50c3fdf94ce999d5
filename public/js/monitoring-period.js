// Progressive enhancement on the monitoring dashboard: choosing a period type shows only its fields at once.
// Without JavaScript the page shows the fields of the period type it was sent (choose a type, press "Show").
// Hidden fields are disabled too, so the form sends only what the chosen period type uses.
(function () {
  var form = document.querySelector('[data-period-form]');
  if (!form) return;
  var select = form.querySelector('#period');
  var fields = form.querySelectorAll('[data-period-kinds]');
  var hint = document.querySelector('[data-period-hint]');
  if (hint) hint.hidden = true;

  function show() {
    var kind = select.value;
    for (var i = 0; i < fields.length; i += 1) {
      var wanted = fields[i].getAttribute('data-period-kinds').split(' ').indexOf(kind) >= 0;
      fields[i].hidden = !wanted;
      var controls = fields[i].querySelectorAll('input, select');
      for (var k = 0; k < controls.length; k += 1) controls[k].disabled = !wanted;
    }
  }

  select.addEventListener('change', show);
  show();
})();
