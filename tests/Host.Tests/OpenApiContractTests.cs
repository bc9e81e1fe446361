using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Holded.Partners.Host.Tests;

/// <summary>
/// The OpenAPI document is what a client generator consumes: read with Microsoft.OpenApi, every operation must say
/// what it can answer, name its parameters as the API reads them, and be named in the product's words.
/// </summary>
public class OpenApiContractTests(PartnersApp app) : AppTest(app)
{
    private static readonly HashSet<string> Writes = ["POST", "PUT", "DELETE", "PATCH"];

    private async Task<OpenApiDocument> Document()
    {
        var body = (await Api.Get("/openapi/v1.json", null)).ShouldBe(HttpStatusCode.OK).Body;
        var read = OpenApiDocument.Parse(body, "json", new OpenApiReaderSettings());
        read.Diagnostic!.Errors.ShouldBeEmpty();
        return read.Document!;
    }

    [Fact]
    public async Task every_operation_lists_what_it_answers_names_its_parameters_as_read_and_is_named_in_the_products_words()
    {
        var document = await Document();
        document.Info.Title.ShouldBe("Holded Partners API");
        document.Info.Description.ShouldNotBeNullOrWhiteSpace();
        document.Components!.SecuritySchemes!.ShouldContainKey("bearer");
        var bearer = document.Components.SecuritySchemes["bearer"];
        bearer.Type.ShouldBe(SecuritySchemeType.Http);
        bearer.Scheme.ShouldBe("bearer");

        var broken = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (path, item) in document.Paths)
        foreach (var (method, operation) in item.Operations!)
        {
            var name = $"{method.Method.ToUpperInvariant()} {path}";
            void Need(bool ok, string what) { if (!ok) broken.Add($"{name}: {what}"); }
            Need(operation.OperationId is { Length: > 0 } id && ids.Add(id), "a unique operationId");
            Need(operation.Summary is { Length: > 0 } s && !s.Contains("endpoint", StringComparison.OrdinalIgnoreCase), $"a summary in the product's words (is \"{operation.Summary}\")");
            foreach (var parameter in operation.Parameters ?? [])
                Need(parameter.In != ParameterLocation.Query || char.IsLower(parameter.Name![0]), $"query parameter {parameter.Name} in camelCase");
            var anonymous = operation.Security is null or { Count: 0 };
            var statuses = (operation.Responses ?? []).Keys.ToHashSet();
            if (!anonymous) foreach (var status in new[] { "401", "403" }) Need(statuses.Contains(status), $"a {status}");
            if (path.Contains('{')) Need(statuses.Contains("404"), "a 404");
            if (Writes.Contains(method.Method.ToUpperInvariant()))
            {
                foreach (var status in new[] { "400", "409", "422" }) Need(statuses.Contains(status), $"a {status}");
                // A write that changes access answers its version; a client generator learns the header from here.
                foreach (var (status, response) in (operation.Responses ?? []).Where(r => r.Key[0] == '2'))
                    Need(response.Headers?.ContainsKey("Access-Version") == true, $"{status} with the Access-Version header described");
            }
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status[0] is not ('4' or '5')) continue;
                Need(response.Content?.ContainsKey("application/problem+json") == true, $"{status} as application/problem+json");
                var schema = response.Content is { } content && content.TryGetValue("application/problem+json", out var problem) ? problem.Schema : null;
                Need(schema is not null, $"{status} with the problem details schema");
                if (status == "422") Need(schema?.Properties?.ContainsKey("rules") == true, "422's rules");
            }
        }
        broken.ShouldBeEmpty(string.Join("\n", broken));
    }
}
