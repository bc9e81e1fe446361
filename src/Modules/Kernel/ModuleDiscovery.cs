using System.Reflection;
using Wolverine;

namespace Holded.Partners.Kernel;

/// <summary>Tells Wolverine to find a module's handlers and endpoints: without it, a class library's routes all 404.</summary>
public sealed class ModuleDiscovery(Assembly module) : IWolverineExtension
{
    public void Configure(WolverineOptions options) => options.Discovery.IncludeAssembly(module);
}
