// This project's stand-in for Rocket.Chat's tests/data/users.helper module, against this service.
import { request, api, credentials } from './api-data.js';
import { password } from './user.ts';
export async function createUser() {
    const username = 'spec' + Date.now();
    const res = await request.post(api('users.create')).set(credentials)
        .send({ email: username + '@example.com', name: username, username, password });
    return res.body.user;
}
export async function login(user, pass) {
    const res = await request.post(api('login')).send({ user, password: pass });
    return { 'X-Auth-Token': res.body.data.authToken, 'X-User-Id': res.body.data.userId };
}
export async function deleteUser(user) {
    await request.post(api('users.delete')).set(credentials).send({ userId: user._id });
}
