package io.github.vciconnector.web.management;

import io.swagger.v3.oas.annotations.media.Schema;

/** The documented shape of every management error (RFC 9457 application/problem+json); used only by the OpenAPI document. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
record ProblemSchema(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = ManagementProblems.TYPE_BASE + "invalid-claims") String type,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Bad Request") String title,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "400") int status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "mandatory claim family_name is missing") String detail,
        @Schema(description = "The offending input: a JSON field path, a parameter or a header", example = "claims.family_name") String field) {
}
