package dev.importer.platform.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.importer.platform.database.PostgresDatabase.Location;
import org.junit.jupiter.api.Test;

class PostgresDatabaseTest {

    @Test
    void findsTheDatabaseNameAndTheMaintenanceDatabase() {
        Location location = Location.of("jdbc:postgresql://localhost:5432/importer");
        assertEquals("importer", location.name());
        assertEquals("jdbc:postgresql://localhost:5432/postgres", location.maintenanceUrl());
    }

    @Test
    void keepsConnectionParameters() {
        Location location = Location.of("jdbc:postgresql://db.internal/imports?sslmode=require");
        assertEquals("imports", location.name());
        assertEquals("jdbc:postgresql://db.internal/postgres?sslmode=require", location.maintenanceUrl());
    }

    @Test
    void refusesOtherUrls() {
        assertThrows(IllegalArgumentException.class, () -> Location.of("jdbc:mysql://localhost/importer"));
        assertThrows(IllegalArgumentException.class, () -> Location.of("jdbc:postgresql://localhost/"));
    }
}
