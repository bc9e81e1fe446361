// What nearly every use case of the module speaks: identity, refusals, the store and the HTTP endpoint attributes.
global using System.Security.Claims;
global using Holded.Partners.Kernel;
global using Marten;
global using Microsoft.AspNetCore.Mvc;
global using Wolverine;
global using Wolverine.Http;
global using Onboarding = Holded.Partners.Contracts.Onboarding;
global using Collaborations = Holded.Partners.Contracts.Collaboration;
global using Contract = Holded.Partners.Contracts.Access;
