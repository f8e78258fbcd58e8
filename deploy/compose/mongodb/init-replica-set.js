// Health check of the MongoDB container that also initiates its one-member replica set.
// Idempotent: the first run initiates, later runs only check. Exit 0 only when this node is the writable
// primary, which is what the services' depends_on (service_healthy) waits for.
try {
  rs.status();
} catch (notInitiated) {
  // The member's host name is the compose service name, so the services' driver can reach it.
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongodb:27017" }] });
}
if (!db.hello().isWritablePrimary) {
  quit(1);
}
