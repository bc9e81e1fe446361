// The contracts this module speaks, by the name of the module that owns them.
global using Contract = Holded.Partners.Contracts.Onboarding;
