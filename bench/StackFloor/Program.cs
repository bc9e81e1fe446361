// The stack the host stands on, and nothing of its own: Marten (lightweight sessions, its own schema) integrated with
// Wolverine's durable messaging (balanced nodes, as the host's) and Wolverine.Http, under the same JasperFx command
// line. Its cold start shows how much of the host's is the stack's: the host adds five modules and 67 endpoints on top.
using JasperFx;
using Marten;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddMarten(o =>
    {
        o.Connection(builder.Configuration.GetConnectionString("Partners")!);
        o.DatabaseSchemaName = "bench_floor";
        o.AutoCreateSchemaObjects = AutoCreate.None; // as a production node: the schema is `db-apply`'s
    })
    .UseLightweightSessions()
    .IntegrateWithWolverine(x => x.MessageStorageSchemaName = "bench_floor_wolverine");
builder.Host.UseWolverine(o =>
{
    o.Durability.Mode = DurabilityMode.Balanced;
    o.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Static; // nothing of its own to generate
});
builder.Services.AddWolverineHttp();
var app = builder.Build();
app.MapGet("/health/live", () => "ok");
app.MapWolverineEndpoints();
return await app.RunJasperFxCommands(args);
