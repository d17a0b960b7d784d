package dev.importer.accounts.entity;

/** Why a login is refused before its password is even checked, in Rocket.Chat's words. */
public enum LoginBlock {
    FOR_ADDRESS("error-login-blocked-for-ip", "Login has been temporarily blocked For IP"),
    FOR_USER("error-login-blocked-for-user", "Login has been temporarily blocked For User");

    private final String error;
    private final String message;

    LoginBlock(String error, String message) {
        this.error = error;
        this.message = message;
    }

    public String error() {
        return error;
    }

    public String message() {
        return message;
    }
}
