// The web chat. Every piece of text, the candidate's and the bot's, is set with textContent: never parsed as HTML.
(() => {
  const log = document.getElementById('log');
  const form = document.getElementById('ask');
  const input = document.getElementById('question');
  const posting = document.getElementById('posting');
  const resumed = sessionStorage.getItem('botshop.conversation') !== null;
  let conversationId = sessionStorage.getItem('botshop.conversation') || newId();
  sessionStorage.setItem('botshop.conversation', conversationId);
  // Recruiters' replies arrive later: once this chat has asked something, the page looks for them now and then.
  const replyPollMs = 5000;
  let lastReplyId = 0;
  let polling = null;

  function newId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function add(node) {
    log.appendChild(node);
    node.scrollIntoView({ block: 'end' });
    return node;
  }

  async function post(path, body) {
    const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || `The server answered ${response.status}.`);
    }
    return response.status === 204 ? null : response.json();
  }

  function feedbackButtons(messageId) {
    const bar = el('div', 'actions');
    for (const [vote, label] of [['up', '👍 Helpful'], ['down', '👎 Not helpful']]) {
      const button = el('button', null, label);
      button.type = 'button';
      button.dataset.vote = vote;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', async () => {
        await post('/api/chat/feedback', { messageId, vote, conversationId });
        bar.querySelectorAll('button').forEach(b => b.setAttribute('aria-pressed', String(b === button)));
      });
      bar.appendChild(button);
    }
    return bar;
  }

  function choiceButtons(choices) {
    const bar = el('div', 'actions');
    for (const choice of choices) {
      const button = el('button', null, choice.label);
      button.type = 'button';
      button.addEventListener('click', () => ask({ text: choice.label, chosenIntent: choice.value }));
      bar.appendChild(button);
    }
    return bar;
  }

  function showReply(reply) {
    const bubble = el('li', 'msg bot' + (reply.answered ? '' : ' declined'));
    bubble.dataset.kind = reply.kind;
    bubble.appendChild(el('div', 'text', reply.text));
    for (const source of reply.sources) {
      const quote = el('blockquote', null, source.text);
      quote.appendChild(el('cite', null, 'From the posting: ' + source.section));
      bubble.appendChild(quote);
    }
    if (reply.choices.length) bubble.appendChild(choiceButtons(reply.choices));
    if (reply.answered) bubble.appendChild(feedbackButtons(reply.messageId));
    add(bubble);
  }

  function showRecruiterReply(reply) {
    const bubble = el('li', 'msg recruiter');
    bubble.appendChild(el('div', 'from', 'Recruiter'));
    bubble.appendChild(el('div', 'text', reply.text));
    add(bubble);
  }

  async function pollReplies() {
    try {
      const response = await fetch(`/api/chat/conversations/${encodeURIComponent(conversationId)}/replies?after=${lastReplyId}`);
      if (!response.ok) return;
      for (const reply of await response.json()) {
        lastReplyId = Math.max(lastReplyId, reply.id);
        showRecruiterReply(reply);
      }
    } catch {
      // Offline for a moment: the next poll catches up.
    }
  }

  function startPolling() {
    if (!polling) polling = setInterval(pollReplies, replyPollMs);
  }

  // After a forget-me nothing links this page to what was deleted: later questions start a new conversation.
  function forgetConversation() {
    clearInterval(polling);
    polling = null;
    lastReplyId = 0;
    conversationId = newId();
    sessionStorage.setItem('botshop.conversation', conversationId);
  }

  async function ask({ text, chosenIntent }) {
    add(el('li', 'msg user', text));
    try {
      const reply = await post('/api/chat/messages', { postingId: posting.value, conversationId, text, chosenIntent });
      showReply(reply);
      if (reply.kind === 'Forgotten') forgetConversation();
      else startPolling();
    } catch (error) {
      add(el('li', 'msg bot declined', 'Sorry, something went wrong: ' + error.message));
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    ask({ text });
  });

  fetch('/api/chat/postings').then(r => r.json()).then(postings => {
    for (const p of postings) posting.appendChild(new Option(p.title, p.id));
  });
  // A reload keeps the conversation (sessionStorage): pick up replies that came meanwhile.
  if (resumed) { pollReplies(); startPolling(); }
})();
