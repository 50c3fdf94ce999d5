// Progressive enhancement on the tender form: the total of the award weights (price included), updated as
// the buyer types. Numbers are read the Belgian way (7,5); without JavaScript the review page shows the total.
(function () {
  var output = document.querySelector('[data-weights-total]');
  if (!output) return;
  var form = output.closest('form');
  var template = output.getAttribute('data-template');
  var read = function (text) {
    var t = String(text).replace(/[\s\u00A0\u202F]/g, '');
    if (t.indexOf(',') >= 0) t = t.replace(/\./g, '').replace(',', '.');
    var n = Number(t);
    return t === '' || !isFinite(n) ? 0 : n;
  };
  var update = function () {
    var total = 0;
    form.querySelectorAll('input[name^="weights["]').forEach(function (input) {
      total += read(input.value);
    });
    total = Math.round(total * 100) / 100;
    output.textContent = template.replace('{total}', String(total).replace('.', ','));
    output.classList.toggle('notice--error', total !== 100);
    output.classList.toggle('notice--ok', total === 100);
  };
  output.hidden = false;
  form.addEventListener('input', function (event) {
    if (event.target.name && event.target.name.indexOf('weights[') === 0) update();
  });
  update();
})();
