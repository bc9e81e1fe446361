using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

namespace Holded.Partners.Kernel;

/// <summary>
/// A handler class whose messages all update the same few documents: its queue handles one message at a time on each
/// node, so they meet in turn rather than conflict.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OneAtATimeAttribute : Attribute;

/// <summary>Tells Wolverine to find a module's handlers and endpoints: without it, a class library's routes all 404.</summary>
public sealed class ModuleDiscovery(Assembly module) : IWolverineExtension
{
    public Assembly Module { get; } = module;

    public void Configure(WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(Module);
        // Each handler class has its own local queue, named after it (MultipleHandlerBehavior.Separated).
        foreach (var handler in Module.GetTypes().Where(t => t.GetCustomAttribute<OneAtATimeAttribute>() is not null))
            options.LocalQueue(handler.FullName!.ToLowerInvariant()).Sequential();
    }
}

public static class Modules
{
    /// <summary>A module's handlers, endpoints and in-transaction consequences, found in its assembly.</summary>
    public static IServiceCollection AddModuleDiscovery(this IServiceCollection services, Assembly module)
    {
        services.AddSingleton<IWolverineExtension>(new ModuleDiscovery(module));
        services.TryAddSingleton(provider => new Consequences(
            provider.GetServices<IWolverineExtension>().OfType<ModuleDiscovery>().Select(d => d.Module)));
        return services;
    }
}
