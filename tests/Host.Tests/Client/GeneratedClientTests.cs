using NSwag.CodeGeneration.CSharp;

namespace Holded.Partners.Host.Tests.Client;

/// <summary>
/// A client generated from the OpenAPI document (NSwag) is committed beside this test and compiled with the suite: the
/// document is what a generator consumes, and the client it makes walks the program's first steps.
/// </summary>
public class GeneratedClientTests(PartnersApp app) : AppTest(app)
{
    private static string Committed => Path.Combine(TestDatabase.RepositoryRoot, "tests", "Host.Tests", "Client", "PartnersClient.g.cs");

    private async Task<string> GenerateAsync()
    {
        var json = (await Api.Get("/openapi/v1.json", null)).ShouldBe(HttpStatusCode.OK).Body;
        var document = await NSwag.OpenApiDocument.FromJsonAsync(json);
        return new CSharpClientGenerator(document, new CSharpClientGeneratorSettings
        {
            ClassName = "PartnersClient",
            CSharpGeneratorSettings = { Namespace = "Holded.Partners.Host.Tests.Client.Generated", JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson },
            GenerateClientInterfaces = false,
            UseBaseUrl = false,
        }).GenerateFile().ReplaceLineEndings("\n");
    }

    /// <summary>PARTNERS_WRITE_CLIENT=1 writes it again after a change of the API (then commit it).</summary>
    [Fact]
    public async Task the_committed_client_is_what_the_document_generates()
    {
        var generated = await GenerateAsync();
        if (Environment.GetEnvironmentVariable("PARTNERS_WRITE_CLIENT") == "1") await File.WriteAllTextAsync(Committed, generated);
        (await File.ReadAllTextAsync(Committed)).ReplaceLineEndings("\n").ShouldBe(generated,
            "the API changed: run PARTNERS_WRITE_CLIENT=1 dotnet test tests/Host.Tests --filter GeneratedClient, and commit the client");
    }
}
