// Progressive enhancement on a staff ticket page, so no typed text is lost:
// - "Insert" puts the chosen canned answer into the reply draft at the cursor, without a round trip (without
//   JavaScript the button posts the page, which comes back with the answer below both drafts, kept);
// - leaving the page with a changed draft asks first (not when one of the page's forms is being sent).
(function () {
  var drafts = document.getElementById('ticket-drafts');
  if (!drafts) return;
  var reply = document.getElementById('reply-body');
  var picker = document.getElementById('canned');
  var insert = document.getElementById('canned-insert');
  var textareas = Array.prototype.slice.call(document.querySelectorAll('textarea'));
  // A page that came back with a draft the server did not save (409, 422) counts as unsaved from the start.
  var unsaved = drafts.getAttribute('data-unsaved') === 'true';
  var submitting = false;

  function changed() {
    return (
      unsaved ||
      textareas.some(function (area) {
        return area.value !== area.defaultValue;
      })
    );
  }

  if (reply && picker && insert) {
    // Until the person has put the cursor somewhere in the reply, an answer goes after what is there.
    var placed = false;
    ['focus', 'click', 'keyup', 'select'].forEach(function (name) {
      reply.addEventListener(name, function () {
        placed = true;
      });
    });
    insert.addEventListener('click', function (event) {
      var option = picker.options[picker.selectedIndex];
      var text = option && option.getAttribute('data-body');
      if (!text) return; // nothing to insert here: let the form do it
      event.preventDefault();
      var start = placed ? reply.selectionStart : reply.value.length;
      var end = placed ? reply.selectionEnd : reply.value.length;
      var before = reply.value.slice(0, start);
      var after = reply.value.slice(end);
      // The answer stands on its own lines; what was typed on either side stays where it was.
      var lead = before && !/\n\n$/.test(before) ? (/\n$/.test(before) ? '\n' : '\n\n') : '';
      var tail = after && !/^\n/.test(after) ? '\n\n' : '';
      reply.setRangeText(lead + text + tail, start, end, 'end');
      reply.dispatchEvent(new Event('input', { bubbles: true }));
      reply.focus();
    });
  }

  document.addEventListener('submit', function () {
    submitting = true;
  });

  window.addEventListener('beforeunload', function (event) {
    if (submitting || !changed()) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
