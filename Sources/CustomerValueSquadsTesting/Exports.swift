@_exported import CustomerValueSquads
