global using System.Net;
global using Holded.Partners.Testing;
global using Shouldly;
global using Xunit;
