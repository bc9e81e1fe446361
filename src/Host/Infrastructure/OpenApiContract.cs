using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// The OpenAPI document as a contract a client generator can rely on: a title and description, the bearer scheme,
/// and on every operation the refusals it can answer (401/403 behind a token, 404 with an id in the route, 400/409/422
/// for a write) as problem details, 422 with its rules; query parameters named as the API reads them (camelCase).
/// </summary>
public static class OpenApiContract
{
    private const string Bearer = "bearer";

    public static void AddPartnersOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer((document, _, _) =>
        {
            // Web pages are not API.
            foreach (var page in document.Paths.Keys.Where(p => !p.StartsWith("/api/", StringComparison.Ordinal)).ToList()) document.Paths.Remove(page);
            document.Info.Title = "Holded Partners API";
            document.Info.Description =
                "The partner program of Holded: accounting firms join, publish a reviewed profile, win clients in the marketplace, " +
                "work in each client's account with the role the client grants, and end the collaboration. Every refusal is " +
                "problem details (RFC 9457): 400 with the fields in errors, 422 with the rules refused, 404 for what the caller must not see.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                Description = "A token of the identity provider (a person) or of one of the ERP's service clients.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas["Problem"] = Problem();
            document.Components.Schemas["InvalidProblem"] = Problem(("errors", new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "Each field that was wrong, with what would be accepted.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            }));
            document.Components.Schemas["RefusedProblem"] = Problem(("rules", new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Description = "Each business rule that refused the request, by its stable code.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object, Required = new HashSet<string> { "rule", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String }, ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            }));
            return Task.CompletedTask;
        });

        o.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var method = context.Description.HttpMethod ?? "GET";
            var path = context.Description.RelativePath ?? "";
            var write = method is not ("GET" or "HEAD");
            operation.Responses ??= new OpenApiResponses();
            void Refuses(int status, string schema, string description) =>
                operation.Responses[status.ToString()] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
                    },
                };

            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                Refuses(401, "Problem", "No valid bearer token was sent.");
                Refuses(403, "Problem", "The caller is known but may not do this.");
            }
            if (path.Contains('{')) Refuses(404, "Problem", "Nothing with that id exists, or the caller may not know that it does.");
            if (write || operation.Parameters is { Count: > 0 }) Refuses(400, "InvalidProblem", "The request is not valid: each field and what would be accepted.");
            if (write)
            {
                // Which writes change access is known only when they commit (a PUT that changes nothing answers none).
                foreach (var answer in operation.Responses.Where(r => r.Key[0] == '2').Select(r => r.Value).OfType<OpenApiResponse>())
                {
                    answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    answer.Headers[Access.AccessModule.VersionHeader] = new OpenApiHeader
                    {
                        Description = "Present when the write changed access: its access version. Send it as atLeastAsFresh to check, " +
                            "introspect or sessions to be answered from state at least that fresh, on any node.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
                Refuses(409, "Problem", "Someone else changed it at the same time: read it again and retry.");
                Refuses(422, "RefusedProblem", "A business rule refused it: each rule by its code, with what would be accepted.");
            }
            // Whatever else described a refusal (a 404 of a Load step, a framework's 409) says it with problem details too.
            foreach (var status in operation.Responses.Keys.Where(k => k[0] is '4' or '5').ToList())
                if (operation.Responses[status] is not OpenApiResponse { Content: { } c } || !c.ContainsKey("application/problem+json"))
                    Refuses(int.Parse(status), status == "422" ? "RefusedProblem" : status == "400" ? "InvalidProblem" : "Problem",
                        operation.Responses[status].Description is { Length: > 0 } d ? d : Kernel.Problems.TitleFor(int.Parse(status)));
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query && p.Name is { Length: > 0 }))
                parameter.Name = char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..];
            return Task.CompletedTask;
        });
    });

    private static OpenApiSchema Problem(params (string Name, IOpenApiSchema Schema)[] more)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What was wrong, and what would be accepted." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        };
        foreach (var (name, schema) in more) properties[name] = schema;
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object, Description = "Problem details (RFC 9457).", Properties = properties,
            Required = new HashSet<string>(["type", "title", "status", "detail", .. more.Select(m => m.Name)]),
        };
    }
}
