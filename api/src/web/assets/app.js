// Bridgework web app: small conveniences on top of pages that work without JavaScript.
// - the profile: a slider beside each level field, kept in step, and a "changed" mark;
// - the action plan: a print button;
// - a form sent back with problems: focus moves to the list of problems.
(function () {
  'use strict';

  function onReady(fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }

  // The count above the levels, in the page's language (templates from the server).
  function refreshCount() {
    var status = document.querySelector('[data-changed-count]');
    if (!status) return;
    var n = document.querySelectorAll('.level-row.changed').length;
    var text = n === 0 ? status.getAttribute('data-zero') : n === 1 ? status.getAttribute('data-one') : status.getAttribute('data-many');
    if (text !== null) status.textContent = text.replace('{n}', String(n));
  }

  function enhanceLevels() {
    var inputs = document.querySelectorAll('.level-row input[type="number"]');
    Array.prototype.forEach.call(inputs, function (input) {
      var slider = document.createElement('input');
      slider.type = 'range';
      slider.min = input.min || '0';
      slider.max = input.max || '100';
      slider.step = '1';
      slider.value = input.value;
      slider.className = 'level-slider';
      // The number field is the labelled control; the slider is a mouse and touch shortcut to it.
      slider.setAttribute('aria-hidden', 'true');
      slider.tabIndex = -1;
      var row = input.closest('.level-row');
      var mark = row ? row.querySelector('[data-changed-mark]') : null;
      var typical = input.getAttribute('data-typical');
      function refresh() {
        if (!row || typical === null) return;
        var changed = input.value !== '' && Number(input.value) !== Number(typical);
        if (row.classList.contains('changed') === changed) return;
        row.classList.toggle('changed', changed);
        if (mark) mark.hidden = !changed;
        refreshCount();
      }
      slider.addEventListener('input', function () {
        input.value = slider.value;
        refresh();
      });
      input.addEventListener('input', function () {
        if (input.value !== '') slider.value = input.value;
        refresh();
      });
      input.parentNode.insertBefore(slider, input);
    });
  }

  function enhancePrint() {
    var buttons = document.querySelectorAll('[data-print]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.print();
      });
    });
  }

  function focusProblems() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary) summary.focus();
  }

  onReady(function () {
    enhanceLevels();
    enhancePrint();
    focusProblems();
  });
})();
