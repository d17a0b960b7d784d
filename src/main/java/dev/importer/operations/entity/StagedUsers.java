package dev.importer.operations.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.ByteArrayInputStream;
import java.util.function.Consumer;

/**
 * The users of one {@code import.addUsers} body, {@code {"users":[{...}, ...]}} (other members
 * ignored), read in one pass: each user is checked and handed on as it is read, so that staging
 * one overlaps reading the next. Whatever is malformed, the body or a user, is a 400 naming it,
 * thrown when it is reached: the transaction staging them then keeps none.
 */
public final class StagedUsers {

    private final byte[] body;
    private final int maxUsers;
    private final UsernameRule usernameRule;

    /** {@code body} is read as it is, not copied: its owner leaves it alone. */
    public StagedUsers(byte[] body, int maxUsers, UsernameRule usernameRule) {
        this.body = body;
        this.maxUsers = maxUsers;
        this.usernameRule = usernameRule;
    }

    /** Hands each user to {@code each}, in the body's order; answers how many there were. */
    public int forEach(Consumer<StagedUser> each) {
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw ApiException.invalidParams("The request body must be a JSON object");
            }
            int count = 0;
            boolean seen = false;
            while (parser.next() == Event.KEY_NAME) {
                String member = parser.getString();
                Event value = parser.next();
                if (member.equals("users") && seen) {
                    throw ApiException.invalidParams("'users' must be given once");
                } else if (member.equals("users") && value == Event.START_ARRAY) {
                    count = readUsers(parser, each);
                } else if (member.equals("users") && value != Event.VALUE_NULL) {
                    throw ApiException.invalidParams("'users' must be an array");
                } else {
                    parser.getValue();
                }
                seen |= member.equals("users");
            }
            if (parser.hasNext()) {
                throw ApiException.invalidParams("The request body must hold one JSON object");
            }
            if (count == 0) {
                throw ApiException.invalidParams("'users' must list at least one user");
            }
            return count;
        } catch (Onward e) {
            throw e.thrown;
        } catch (RuntimeException e) {
            throw JsonBodies.unreadable(e);
        }
    }

    private int readUsers(JsonParser parser, Consumer<StagedUser> each) {
        int count = 0;
        while (parser.next() != Event.END_ARRAY) {
            if (count == maxUsers) {
                throw new ApiException("error-too-many-users", "At most " + maxUsers + " users per request");
            }
            StagedUser user = StagedUser.fromJson(parser.getValue(), count, usernameRule);
            try {
                each.accept(user);
            } catch (RuntimeException e) {
                throw new Onward(e);
            }
            count++;
        }
        return count;
    }

    /** What the users' recipient threw (a failed COPY, say): thrown on as it is, never taken for bad JSON. */
    private static final class Onward extends RuntimeException {
        private final RuntimeException thrown;

        Onward(RuntimeException thrown) {
            super(null, null, false, false);
            this.thrown = thrown;
        }
    }
}
