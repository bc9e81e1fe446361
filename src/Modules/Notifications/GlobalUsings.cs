// The contracts this module listens to, by the name of the module that owns them.
global using Onboarding = Holded.Partners.Contracts.Onboarding;
global using Marketplace = Holded.Partners.Contracts.Marketplace;
global using Collaborations = Holded.Partners.Contracts.Collaboration;
global using Access = Holded.Partners.Contracts.Access;
global using Microsoft.AspNetCore.Http;
