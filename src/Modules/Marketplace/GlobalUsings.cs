// The contracts this module speaks, by the name of the module that owns them.
global using Onboarding = Holded.Partners.Contracts.Onboarding;
global using Collaborations = Holded.Partners.Contracts.Collaboration;
