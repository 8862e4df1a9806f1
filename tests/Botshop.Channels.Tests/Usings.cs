global using Xunit;
global using Botshop.Testing;
