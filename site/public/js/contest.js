// The contest attempt page, when JavaScript runs: a countdown to the server's deadline,
// and each answer saved as it is chosen (the form still works without this file).
(() => {
  const form = document.querySelector('form[data-attempt]');
  if (!form) return;
  const deadline = Date.parse(form.dataset.deadline || '');
  const clock = form.querySelector('[data-clock]');
  const status = form.querySelector('[data-status]');
  const say = (text) => { if (status) status.textContent = text; };
  const tick = () => {
    const left = Math.max(0, Math.floor((deadline - Date.now()) / 1000));
    if (clock) clock.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) { say('Đã hết thời gian làm bài.'); return; }
    setTimeout(tick, 1000);
  };
  if (Number.isFinite(deadline)) tick();
  say('Câu trả lời được lưu tự động.');
  form.addEventListener('change', async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.dataset.question) return;
    const question = input.dataset.question;
    const chosen = [...form.querySelectorAll(`input[data-question="${question}"]:checked`)].map((el) => Number(el.value));
    try {
      const res = await fetch(form.dataset.answerUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question, chosen }), credentials: 'same-origin' });
      const body = await res.json().catch(() => ({}));
      say(res.ok ? 'Đã lưu câu trả lời.' : body.error || 'Chưa lưu được câu trả lời; hãy bấm "Lưu câu trả lời".');
    } catch {
      say('Mất kết nối: câu trả lời chưa được lưu. Hãy bấm "Lưu câu trả lời" khi có mạng.');
    }
  });
})();
