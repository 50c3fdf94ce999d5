// Progressive enhancement of "add to tender template": the form is posted with fetch, the button switches to
// "Added ✓ — remove" (or back) where it is, the header counter follows, and the form's status line (a live
// region) says what happened with a link to the template. The page does not move and the focus stays on the
// button. When anything goes wrong, the form is sent the ordinary way (redirect back to #clause-ID).
(function () {
  if (!window.fetch || !window.FormData || !window.URLSearchParams) return;

  function setCounter(count) {
    var counters = document.querySelectorAll('[data-selection-count]');
    for (var i = 0; i < counters.length; i += 1) {
      var counter = counters[i];
      counter.textContent = '';
      if (count > 0) {
        var hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ' ' + counter.getAttribute('data-label');
        counter.appendChild(document.createTextNode('(' + count));
        counter.appendChild(hidden);
        counter.appendChild(document.createTextNode(')'));
      }
    }
  }

  function setState(clauseId, selected) {
    var forms = document.querySelectorAll('form.add-to-tender');
    for (var i = 0; i < forms.length; i += 1) {
      var form = forms[i];
      if (form.elements.namedItem('clause').value !== clauseId) continue;
      form.setAttribute('data-selected', selected ? 'true' : 'false');
      form.elements.namedItem('action').value = selected ? 'remove' : 'add';
    }
  }

  function say(form, answer) {
    var statuses = document.querySelectorAll('.add-to-tender__status');
    for (var i = 0; i < statuses.length; i += 1) {
      statuses[i].textContent = '';
      statuses[i].className = 'add-to-tender__status';
    }
    var status = form.querySelector('.add-to-tender__status');
    if (!status) return;
    status.className = 'add-to-tender__status notice notice--' + answer.kind;
    var link = document.createElement('a');
    link.href = answer.templateHref;
    link.textContent = answer.templateLink;
    status.appendChild(document.createTextNode(answer.message + ' '));
    status.appendChild(link);
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form || !form.classList || !form.classList.contains('add-to-tender')) return;
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (button) button.setAttribute('aria-disabled', 'true');
    // form.action would be the hidden input named "action", not the form's address.
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    })
      .then(function (response) {
        if (!response.ok) throw new Error('answered ' + response.status);
        return response.json();
      })
      .then(function (answer) {
        setState(answer.id, answer.selected);
        setCounter(answer.count);
        say(form, answer);
        if (button) button.removeAttribute('aria-disabled');
      })
      .catch(function () {
        form.submit();
      });
  });
})();
