package dev.importer.operations.boundary;

import static dev.importer.platform.http.Jsonp.JSON;

import dev.importer.identity.UserId;
import dev.importer.operations.boundary.FileImports.ImportFile;
import dev.importer.operations.control.StagedRows.ReportRow;
import dev.importer.operations.control.ImportJob;
import dev.importer.operations.entity.Actor;
import dev.importer.operations.entity.IfUserExists;
import dev.importer.operations.entity.ImportOperation;
import dev.importer.operations.entity.OperationId;
import dev.importer.operations.entity.OperationStatus;
import dev.importer.operations.files.FileImporter;
import dev.importer.platform.fetch.Downloads;
import dev.importer.platform.fetch.Downloads.Download;
import dev.importer.platform.http.ApiException;
import dev.importer.platform.http.ClientAddress;
import dev.importer.platform.http.JsonBodies;
import dev.importer.platform.http.LargeRequests;
import dev.importer.platform.http.NoQuery;
import dev.importer.platform.http.Texts;
import dev.importer.security.boundary.Authenticated;
import dev.importer.security.entity.Caller;
import dev.importer.security.entity.Permission;
import dev.importer.settings.boundary.Settings;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The endpoints of Rocket.Chat's import screen for a users-only import: a file in (upload or
 * download), its selection, the selected users started with the engine of {@code import.run}
 * (as Rocket.Chat's screen imports: an existing user is updated), progress; and the pending
 * files and avatars.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FileImportResource {

    private static final JsonObject SUCCESS = JSON.createObjectBuilder().add("success", true).build();
    private static final int MAX_FILE_NAME = 255;
    private static final int MAX_URL = 2048;
    private static final int MAX_CONTENT_TYPE = 255;
    private static final int SELECTION_CHUNK = 10_000;

    @Inject
    FileImports fileImports;

    @Inject
    ImportOperations operations;

    @Inject
    PendingImporters pendingImporters;

    @Inject
    ImportJob job;

    @Inject
    Downloads downloads;

    @Inject
    Settings settings;

    @Inject
    LargeRequests largeRequests;

    @Inject
    ClientAddress clientAddress;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @Inject
    @ConfigProperty(name = "MAX_BODY_BYTES", defaultValue = "16777216")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "IMPORT_DOWNLOAD_SECONDS", defaultValue = "60")
    long downloadSeconds;

    /** A bare array, as Rocket.Chat answers it. */
    @GET
    @Path("importers.list")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonArray importers() {
        NoQuery.require(uri);
        JsonArrayBuilder importers = JSON.createArrayBuilder();
        Arrays.stream(FileImporter.values()).forEach(importer -> importers.add(JSON.createObjectBuilder()
                .add("key", importer.key())
                .add("name", importer.displayName())));
        return importers.build();
    }

    /** {@code {"binaryContent":"<base64>","contentType","fileName","importerKey"}} */
    @POST
    @Path("uploadImportFile")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject upload(InputStream body) {
        return largeRequests.bounded(() -> {
            JsonObject upload = readObject(body, Set.of("binaryContent", "contentType", "fileName", "importerKey"));
            FileImporter importer = FileImporter.ofKey(JsonBodies.requiredString(upload, "importerKey"));
            ImportFile file = new ImportFile(fileName(JsonBodies.requiredString(upload, "fileName")),
                    Texts.requirePlain("'contentType'", JsonBodies.string(upload, "contentType").orElse(""),
                            MAX_CONTENT_TYPE),
                    base64(JsonBodies.requiredString(upload, "binaryContent")));
            ImportOperation operation = fileImports.upload(importer, file, caller(), actor());
            read(operation.id());
            return SUCCESS;
        });
    }

    /**
     * {@code {"fileUrl":"https://...","importerKey"}}: fetched under the SSRF rules, then read;
     * the file is held as an upload's body is, so downloads count among the large requests.
     */
    @POST
    @Path("downloadPublicImportFile")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject download(String body) {
        JsonObject asked = strict(JsonBodies.object(body), Set.of("fileUrl", "importerKey"));
        FileImporter importer = FileImporter.ofKey(JsonBodies.requiredString(asked, "importerKey"));
        String url = Texts.requirePlain("'fileUrl'", JsonBodies.requiredString(asked, "fileUrl"), MAX_URL);
        Downloads.parse(url);
        return largeRequests.bounded(() -> {
            OperationId operation = fileImports.startDownload(importer, caller(), actor()).id();
            Download download;
            try {
                download = downloads.get(url, settings.ssrfAllowlist(), maxFileBytes,
                        Duration.ofSeconds(downloadSeconds));
            } catch (RuntimeException e) {
                fileImports.failed(operation);
                throw e;
            }
            if (!fileImports.downloaded(operation, new ImportFile(lastSegment(url), contentTypeOf(download),
                    download.content()))) {
                throw new ApiException("error-import-operation-invalid",
                        "The operation was aborted during the download");
            }
            read(operation);
            return SUCCESS;
        });
    }

    /**
     * {@code {"waiting":true}} while the file comes in, else Rocket.Chat's selection of the
     * staged users. A file loaded but not read yet (its reader stopped) is read now.
     */
    @GET
    @Path("getImportFileData")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public Response fileData() {
        NoQuery.require(uri);
        ImportOperation operation = operations.latest().orElseThrow(FileImportResource::noOperation);
        if (FileImporter.readsFile(operation.importerKey()) && operation.status().isBeforeSelection()) {
            if (!operation.isValid()) {
                throw new ApiException("error-import-operation-invalid", "Invalid Import Operation");
            }
            if (operation.status() != OperationStatus.FILE_LOADED) {
                return Response.ok(JSON.createObjectBuilder().add("waiting", true).add("success", true).build(),
                        MediaType.APPLICATION_JSON_TYPE).build();
            }
            read(operation.id());
        }
        return Response.ok(selection(operation), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * The selection, written as it is read, {@link #SELECTION_CHUNK} users a transaction: a
     * million users take no more heap than one chunk.
     */
    private StreamingOutput selection(ImportOperation operation) {
        return output -> {
            Writer json = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            json.write("{\"name\":" + JSON.createValue(operation.type()) + ",\"users\":[");
            long after = 0;
            String separator = "";
            for (List<ReportRow> chunk = fileImports.selectionAfter(operation.id(), after, SELECTION_CHUNK);
                    !chunk.isEmpty(); chunk = fileImports.selectionAfter(operation.id(), after, SELECTION_CHUNK)) {
                for (ReportRow user : chunk) {
                    json.write(separator);
                    json.write(user.json());
                    separator = ",";
                }
                after = chunk.get(chunk.size() - 1).row();
            }
            json.write("],\"channels\":[],\"contacts\":[],\"message_count\":0,\"success\":true}");
            json.flush();
        };
    }

    /**
     * {@code {"input":{"users":{"all":true}|{"list":["<import id>",...]},"channels":{...}}}}:
     * the selected users are imported, existing ones updated; the rest end skipped, not-selected.
     */
    @POST
    @Path("startImport")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject start(InputStream body) {
        return largeRequests.bounded(() -> {
            JsonObject input = JsonBodies.object(readObject(body, Set.of("input")), "input")
                    .orElseThrow(() -> ApiException.invalidParams("'input' is required"));
            job.start(operations.startRun(IfUserExists.UPDATE, selectedUsers(input), caller(), actor()));
            return SUCCESS;
        });
    }

    @GET
    @Path("getImportProgress")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject progress() {
        NoQuery.require(uri);
        JsonObject progress = operations.latest().orElseThrow(FileImportResource::noOperation).progressJson();
        return JSON.createObjectBuilder(progress).add("success", true).build();
    }

    /** The service keeps no files to fetch later: an operation that ends at once, {@code {"count":0}}. */
    @POST
    @Path("downloadPendingFiles")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject downloadPendingFiles(String body) {
        strict(JsonBodies.object(body), Set.of());
        pendingImporters.startPendingFiles(caller(), actor());
        return count(0);
    }

    /** Fetches every pending avatar ({@code avatarUrl} of imported users) in the background. */
    @POST
    @Path("downloadPendingAvatars")
    @Authenticated(permission = Permission.RUN_IMPORT)
    public JsonObject downloadPendingAvatars(String body) {
        strict(JsonBodies.object(body), Set.of());
        return count(pendingImporters.startPendingAvatars(caller(), actor()));
    }

    /** Reads the operation's file; when it cannot be read, the operation ends failed and the call answers why. */
    private void read(OperationId operation) {
        try {
            fileImports.read(operation, caller(), actor());
        } catch (ApiException e) {
            fileImports.failed(operation);
            throw e;
        }
    }

    /** The users' part of a selection: empty for all of them, else the import ids listed. */
    private static Optional<List<String>> selectedUsers(JsonObject input) {
        Optional<JsonObject> users = JsonBodies.object(input, "users");
        if (users.isPresent() && JsonBodies.bool(users.get(), "all").orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(users.flatMap(u -> JsonBodies.strings(u, "list")).orElse(List.of()));
    }

    private static JsonObject readObject(InputStream body, Set<String> allowed) {
        try (JsonReader reader = JSON.createReader(body)) {
            return strict(reader.readObject(), allowed);
        } catch (RuntimeException e) {
            throw JsonBodies.unreadable(e);
        }
    }

    /** Rocket.Chat's schemas allow no other member. */
    private static JsonObject strict(JsonObject body, Set<String> allowed) {
        body.keySet().stream().filter(member -> !allowed.contains(member)).findFirst().ifPresent(member -> {
            throw ApiException.invalidParams("must NOT have additional properties: '" + member + "'");
        });
        return body;
    }

    private static byte[] base64(String content) {
        try {
            return Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParams("'binaryContent' is not base64");
        }
    }

    /** A file name, never a path: Rocket.Chat refuses one that would leave its folder. */
    private static String fileName(String name) {
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new ApiException("error-invalid-file-name", "The file name must not be a path");
        }
        return Texts.requirePlain("'fileName'", name, MAX_FILE_NAME);
    }

    /** The URL's last path segment as written (not decoded: no control character comes in), a name's length at most. */
    private static String lastSegment(String url) {
        String path = Optional.ofNullable(URI.create(url).getRawPath()).orElse("");
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "download" : name.substring(0, Math.min(name.length(), MAX_FILE_NAME));
    }

    /** What the server said the file is, as far as the column holds it. */
    private static String contentTypeOf(Download download) {
        String type = download.contentType().orElse("application/octet-stream");
        return type.substring(0, Math.min(type.length(), MAX_CONTENT_TYPE));
    }

    private static JsonObject count(int count) {
        return JSON.createObjectBuilder().add("count", count).add("success", true).build();
    }

    private static ApiException noOperation() {
        return new ApiException("error-operation-not-found", "Import Operation Not Found");
    }

    private UserId caller() {
        return Caller.of(security).userId();
    }

    private Actor actor() {
        return Actor.caller(caller(), clientAddress.of(request));
    }
}
