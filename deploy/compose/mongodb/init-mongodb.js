// Run once per start by the one-shot mongodb-init container (mongosh --nodb --file), before any service starts.
// Idempotent: initiates the one-member replica set on the first run, waits until this node is the writable
// primary, then creates or updates the suite's users from the secret files (never from a command line):
//   auth-service, inventory-service, payroll-service, order-service: readWrite on their own database only
//   backup: the backup role (mongodump --oplog of the whole replica set); restore: the restore role
// The root user (MONGO_INITDB_ROOT_*) is created by the mongo image's entrypoint on the first start.
const fs = require("fs");
const readSecretFile = (name) => fs.readFileSync("/run/secrets/" + name, "utf8").trim();
// createUser and updateUser take the password as the field "pwd".
const passwordOf = (user) =>
  Object.fromEntries([["pwd", readSecretFile("mongodb_" + user.replace(/-/g, "_") + "_password")]]);

const USERS = [
  { user: "auth-service", roles: [{ role: "readWrite", db: "auth" }] },
  { user: "inventory-service", roles: [{ role: "readWrite", db: "inventory" }] },
  { user: "payroll-service", roles: [{ role: "readWrite", db: "payroll" }] },
  { user: "order-service", roles: [{ role: "readWrite", db: "orders" }] },
  { user: "backup", roles: [{ role: "backup", db: "admin" }] },
  { user: "restore", roles: [{ role: "restore", db: "admin" }] },
];

let conn;
for (let attempt = 1; ; attempt++) {
  try {
    conn = new Mongo("mongodb://mongodb:27017/?directConnection=true");
    break;
  } catch (e) {
    if (attempt >= 30) throw e;
    sleep(2000);
  }
}
const admin = conn.getDB("admin");
admin.auth("root", readSecretFile("mongodb_root_password"));

const status = admin.runCommand({ replSetGetStatus: 1 });
if (!status.ok && status.code === 94) {
  // NotYetInitialized. The member's host name is the compose service name, so the drivers can reach it.
  admin.runCommand({ replSetInitiate: { _id: "rs0", members: [{ _id: 0, host: "mongodb:27017" }] } });
}
for (let waited = 0; !admin.runCommand({ hello: 1 }).isWritablePrimary; waited++) {
  if (waited >= 60) {
    print("mongodb-init: not the writable primary after 60 s");
    quit(1);
  }
  sleep(1000);
}

for (const { user, roles } of USERS) {
  if (admin.getUser(user)) {
    admin.updateUser(user, { roles, ...passwordOf(user) });
  } else {
    admin.createUser({ user, roles, ...passwordOf(user) });
  }
  print("mongodb-init: user " + user + " has " + roles.map((r) => r.role + "@" + r.db).join(", "));
}
print("mongodb-init: ready");
