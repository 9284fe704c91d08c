// the API docs page: Swagger UI over the app's own OpenAPI description
"use strict";
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
