export async function seedRequests() {}
