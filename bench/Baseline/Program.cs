// A plain ASP.NET Core app: POST /check answers a constant decision. The ceiling the real check is measured against,
// with the host's server settings: the same Kestrel defaults and logging (console, level from the same configuration).
var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
var decision = new { allowed = true, level = "write", reason = "granted", collaborationId = Guid.Empty, role = "accountant" };
app.MapPost("/check", () => Results.Json(decision));
app.MapGet("/health", () => "ok");
app.Run();
