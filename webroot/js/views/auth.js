// Sign in and sign up.
import { field, formMessage, h, setFieldError } from '../dom.js';
import { apiProblem } from '../texts.js';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export function signIn(main, app, { notice } = {}) {
  const username = field({ label: 'Username', name: 'username', autocomplete: 'username', required: true });
  const password = field({ label: 'Password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = formMessage();
  const submit = h('button', { type: 'submit', class: 'button-primary', text: 'Sign in' });
  const form = h('form', { class: 'card form', attrs: { novalidate: true, 'aria-labelledby': 'signin-title' } },
    username.wrap, password.wrap, message.el, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    setFieldError(username, username.input.value.trim() ? '' : 'Please enter your username.');
    setFieldError(password, password.input.value ? '' : 'Please enter your password.');
    if (!username.input.value.trim()) return username.input.focus();
    if (!password.input.value) return password.input.focus();
    submit.disabled = true;
    try {
      await app.auth.login(username.input.value.trim().toLowerCase(), password.input.value);
      password.input.value = '';
      await app.signedIn();
    } catch (e) {
      message.error(apiProblem(e, 'login'));
      password.input.select();
      password.input.focus();
    } finally {
      submit.disabled = false;
    }
  });
  main.append(
    h('div', { class: 'narrow' },
      h('h1', { id: 'signin-title', tabIndex: -1, text: 'Welcome to TalkingStick' }),
      h('p', { class: 'lead', text: 'A calm place for your support group. Sign in to continue.' }),
      notice ? h('p', { class: 'form-message good', attrs: { role: 'status' }, text: notice }) : null,
      form,
      h('p', {}, 'New here? ', h('a', { href: '#/signup', text: 'Create an account' }))));
  username.input.focus();
}

export function signUp(main, app) {
  const username = field({
    label: 'Username', name: 'username', autocomplete: 'username', required: true,
    hint: '3 to 32 lower-case letters, digits, dots, dashes or underscores. Only you and your therapist see it.',
  });
  const displayName = field({
    label: 'Your name', name: 'displayName', autocomplete: 'name', required: true,
    hint: 'How your therapist will know you. Groups only ever see the pseudonym you choose for each group.',
  });
  const password = field({
    label: 'Password', name: 'password', type: 'password', autocomplete: 'new-password', required: true,
    hint: 'At least 10 characters, not containing your username.',
  });
  const message = formMessage();
  const submit = h('button', { type: 'submit', class: 'button-primary', text: 'Create account' });
  const form = h('form', { class: 'card form', attrs: { novalidate: true, 'aria-labelledby': 'signup-title' } },
    username.wrap, displayName.wrap, password.wrap, message.el, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.clear();
    const u = username.input.value.trim().toLowerCase();
    const d = displayName.input.value.trim();
    const p = password.input.value;
    const problems = [
      [username, USERNAME.test(u) ? '' : 'Please use 3 to 32 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.'],
      [displayName, d.length >= 1 && d.length <= 64 ? '' : 'Please enter a name of up to 64 characters.'],
      [password, p.length < 10 ? 'Please choose a password of at least 10 characters.'
        : p.length > 256 ? 'Please choose a password of at most 256 characters.'
          : u && p.toLowerCase().includes(u) ? 'Please choose a password that does not contain your username.' : ''],
    ];
    problems.forEach(([f, text]) => setFieldError(f, text));
    const first = problems.find(([, text]) => text);
    if (first) {
      first[0].input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await app.auth.register(u, p, d);
      password.input.value = '';
      await app.signedIn();
    } catch (e) {
      if (e.code === 'USERNAME_TAKEN') {
        setFieldError(username, apiProblem(e));
        username.input.focus();
      } else {
        message.error(apiProblem(e, 'register'));
      }
    } finally {
      submit.disabled = false;
    }
  });
  main.append(
    h('div', { class: 'narrow' },
      h('h1', { id: 'signup-title', tabIndex: -1, text: 'Create your account' }),
      h('p', { class: 'lead', text: 'Your account is private. In each group you choose a pseudonym, so other members never see your name.' }),
      form,
      h('p', {}, 'Already have an account? ', h('a', { href: '#/signin', text: 'Sign in' }))));
  username.input.focus();
}
