// Progressive enhancement on the clause page: a button that copies the clause text to the clipboard.
(function () {
  var button = document.querySelector('[data-copy-target]');
  if (!button || !navigator.clipboard) return;
  var source = document.getElementById(button.getAttribute('data-copy-target'));
  var status = document.querySelector('.copy-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(source.value).then(function () {
      if (status) status.textContent = status.getAttribute('data-copied');
    });
  });
})();
