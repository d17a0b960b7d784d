package dev.importer.operations.entity;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.accounts.entity.UsernameRule;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.JsonBodies;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The users of one {@code import.addUsers} request, read from the body in one pass and all
 * checked before any is staged: {@code {"users":[{...}, ...]}}. Other members are ignored.
 */
public record StagedUsers(List<String> rows, Set<String> roles) {

    /** Each user as the JSON that {@code import_data.data} holds. */
    public StagedUsers {
        rows = List.copyOf(rows);
        roles = Set.copyOf(roles);
    }

    public int count() {
        return rows.size();
    }

    public static StagedUsers read(InputStream body, int maxUsers, UsernameRule usernameRule) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (!parser.hasNext() || parser.next() != Event.START_OBJECT) {
                throw ApiException.invalidParams("The request body must be a JSON object");
            }
            StagedUsers users = null;
            while (parser.next() == Event.KEY_NAME) {
                String member = parser.getString();
                Event value = parser.next();
                if (member.equals("users") && value == Event.START_ARRAY) {
                    users = readUsers(parser, maxUsers, usernameRule);
                } else if (member.equals("users") && value != Event.VALUE_NULL) {
                    throw ApiException.invalidParams("'users' must be an array");
                } else {
                    parser.getValue();
                }
            }
            if (parser.hasNext()) {
                throw ApiException.invalidParams("The request body must hold one JSON object");
            }
            if (users == null || users.count() == 0) {
                throw ApiException.invalidParams("'users' must list at least one user");
            }
            return users;
        } catch (RuntimeException e) {
            throw JsonBodies.unreadable(e);
        }
    }

    private static StagedUsers readUsers(JsonParser parser, int maxUsers, UsernameRule usernameRule) {
        List<String> rows = new ArrayList<>();
        Set<String> roles = new LinkedHashSet<>();
        while (parser.next() != Event.END_ARRAY) {
            if (rows.size() == maxUsers) {
                throw new ApiException("error-too-many-users", "At most " + maxUsers + " users per request");
            }
            StagedUser user = StagedUser.fromJson(parser.getValue(), rows.size(), usernameRule);
            roles.addAll(user.roles());
            rows.add(user.toJson().toString());
        }
        return new StagedUsers(rows, roles);
    }
}
