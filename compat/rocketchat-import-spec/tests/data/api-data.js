// This project's stand-in for Rocket.Chat's tests/data/api-data module, against this service.
import supertest from 'supertest';
export const request = supertest(process.env.TEST_API_URL);
export const api = path => '/api/v1/' + path;
export const credentials = {};
export function getCredentials(done) {
    request.post(api('login')).send({ user: process.env.ADMIN_USER, password: process.env.ADMIN_PASSWORD })
        .expect(200)
        .end((err, res) => {
            if (err) { return done(err); }
            credentials['X-Auth-Token'] = res.body.data.authToken;
            credentials['X-User-Id'] = res.body.data.userId;
            done();
        });
}
