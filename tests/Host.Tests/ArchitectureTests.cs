using NetArchTest.Rules;

namespace Holded.Partners.Host.Tests;

/// <summary>Modules talk through Contracts only: none may reference another.</summary>
public class ArchitectureTests
{
    private static readonly string[] Modules = ["Onboarding", "Marketplace", "Collaboration", "Access", "Notifications"];

    public static TheoryData<string> EachModule() => new(Modules);

    [Theory]
    [MemberData(nameof(EachModule))]
    public void a_module_references_no_other_module(string module)
    {
        var assembly = AppDomain.CurrentDomain.Load($"Holded.Partners.{module}");
        var others = Modules.Where(m => m != module).Select(m => $"Holded.Partners.{m}").Append("Holded.Partners.Host").ToArray();
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(others).GetResult();
        result.IsSuccessful.ShouldBeTrue($"{module} depends on another module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void contracts_are_records_without_references()
    {
        var assembly = typeof(Holded.Partners.Contracts.Onboarding.MemberRemoved).Assembly;
        assembly.GetReferencedAssemblies().Select(a => a.Name).ShouldAllBe(n => n!.StartsWith("System") || n == "netstandard");
        Types.InAssembly(assembly).Should().BeSealed().GetResult().IsSuccessful.ShouldBeTrue();
    }

    [Fact]
    public void the_kernel_knows_no_module()
    {
        var assembly = typeof(Holded.Partners.Kernel.Caller).Assembly;
        Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny([.. Modules.Select(m => $"Holded.Partners.{m}"), "Holded.Partners.Host"])
            .GetResult().IsSuccessful.ShouldBeTrue();
    }

    [Fact]
    public void the_host_reaches_a_module_only_through_its_registration_and_what_it_offers()
    {
        // A module's surface is its root namespace (its registration method and what it deliberately offers, such as
        // Access's AccessTrail), its contracts and the kernel; its feature folders are its own.
        var inside = Modules.SelectMany(m => AppDomain.CurrentDomain.Load($"Holded.Partners.{m}").GetTypes()
                .Select(t => t.Namespace)
                // the module's own namespaces, not what compilers generate into it (regexes, Razor's type inference)
                .Where(n => n is not null && n != $"Holded.Partners.{m}" && n.StartsWith($"Holded.Partners.{m}.", StringComparison.Ordinal)))
            .Distinct().ToArray();
        inside.ShouldNotBeEmpty();
        var result = Types.InAssembly(typeof(Program).Assembly).That().DoNotResideInNamespace("JasperFx.Generated") // its command-line parsers, generated
            .ShouldNot().HaveDependencyOnAny(inside!).GetResult();
        result.IsSuccessful.ShouldBeTrue($"the host reaches into a module: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
