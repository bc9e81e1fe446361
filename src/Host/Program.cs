using Holded.Partners.Host.Infrastructure;
using Holded.Partners.Access;
using Holded.Partners.Collaboration;
using Holded.Partners.Marketplace;
using Holded.Partners.Notifications;
using Holded.Partners.Onboarding;
using JasperFx;
using Marten;
using Scalar.AspNetCore;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddPartnersStore();
builder.Services.AddOnboardingModule();
builder.Services.AddMarketplaceModule(builder.Configuration);
builder.Services.AddCollaborationModule();
builder.Services.AddAccessModule(builder.Configuration);
builder.Services.AddNotificationsModule();
builder.Services.AddPartnersProjectionDefaults();
builder.AddPartnersMessaging();
builder.AddPartnersIdentity();
builder.AddPartnersHttp();
builder.AddPartnersTelemetry();
builder.Services.AddSingleton<Holded.Partners.Host.Demo.DemoSeed>();
builder.Services.AddSingleton(new Holded.Partners.Kernel.DemoIdentities(Holded.Partners.Host.Demo.DemoData.Identities));
builder.Services.AddHostedService(provider => provider.GetRequiredService<Holded.Partners.Host.Demo.DemoSeed>());

var app = builder.Build();
await EventTablesBeforePartitioning.PrepareAsync(app, args);

app.UseSecurityHeaders();
app.UsePartnersErrors();
app.UsePartnersForwardedHeaders();
app.UseRouting(); // after the error handler, so a failure while routing is problem details too
app.UseNullBodyRefusal();
app.UseAuthentication();
app.UseAuthorization();
app.UseAcceptableResponses();
app.UseRateLimiter();
app.UseAccessVersions(); // a write that changed access answers its version (Access-Version)
app.UseTransientRetry(); // last before the endpoint: a command that met a passing failure is run again

app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/docs", o => o.WithTitle("Holded Partners API"));
app.MapPartnersHealth();
app.MapWolverineEndpoints(o =>
{
    o.RequireAuthorizeOnAll();
    o.AddParameterHandlingStrategy<CallerParameter>();
    o.RejectUnparseableQueryValues = true;
    o.MapConcurrencyFailuresToConflict(toProblemDetails: ErrorResponses.Conflict); // our words, never a type name or an id
    o.ConfigureEndpoints(chain =>
    {
        OpenApiNames.Apply(chain);
        BodyShapes.Apply(chain);
    });
});

return await app.RunJasperFxCommands(args);

/// <summary>Visible to the test host.</summary>
public partial class Program;
