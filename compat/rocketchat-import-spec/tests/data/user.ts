// This project's stand-in for Rocket.Chat's tests/data/user module: the password of the users it makes.
export const password = 'rocket.chat-Passw0rd';
