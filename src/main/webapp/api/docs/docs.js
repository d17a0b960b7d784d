// The service's own OpenAPI document; "Authorize" takes X-User-Id and X-Auth-Token from a login.
window.ui = SwaggerUIBundle({
    url: 'openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true
});
