"use client";

import { createAuthClient } from "better-auth/react";

// Same origin: the client calls /api/auth/* on whatever host served the page.
const authClient = createAuthClient({ basePath: "/api/auth" });

export const { signOut, useSession } = authClient;
