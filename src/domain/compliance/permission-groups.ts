/**
 * Android runtime ("dangerous") permissions and the groups users switch them by. A user who turns
 * off 位置 in the system settings revokes fine, coarse and background location at once, so a
 * withdrawal is computed over the whole group; normal permissions are granted at install and
 * cannot be refused one by one.
 */

const GROUPS: Record<string, string[]> = {
  LOCATION: ['ACCESS_FINE_LOCATION', 'ACCESS_COARSE_LOCATION', 'ACCESS_BACKGROUND_LOCATION'],
  CAMERA: ['CAMERA'],
  MICROPHONE: ['RECORD_AUDIO'],
  CONTACTS: ['READ_CONTACTS', 'WRITE_CONTACTS', 'GET_ACCOUNTS'],
  PHONE: ['READ_PHONE_STATE', 'READ_PHONE_NUMBERS', 'CALL_PHONE', 'ANSWER_PHONE_CALLS', 'ADD_VOICEMAIL', 'USE_SIP', 'PROCESS_OUTGOING_CALLS'],
  CALL_LOG: ['READ_CALL_LOG', 'WRITE_CALL_LOG'],
  SMS: ['SEND_SMS', 'RECEIVE_SMS', 'READ_SMS', 'RECEIVE_WAP_PUSH', 'RECEIVE_MMS'],
  STORAGE: ['READ_EXTERNAL_STORAGE', 'WRITE_EXTERNAL_STORAGE', 'READ_MEDIA_IMAGES', 'READ_MEDIA_VIDEO', 'READ_MEDIA_AUDIO', 'READ_MEDIA_VISUAL_USER_SELECTED'],
  CALENDAR: ['READ_CALENDAR', 'WRITE_CALENDAR'],
  SENSORS: ['BODY_SENSORS', 'BODY_SENSORS_BACKGROUND'],
  ACTIVITY_RECOGNITION: ['ACTIVITY_RECOGNITION'],
  NEARBY_DEVICES: ['BLUETOOTH_SCAN', 'BLUETOOTH_CONNECT', 'BLUETOOTH_ADVERTISE', 'NEARBY_WIFI_DEVICES', 'UWB_RANGING'],
  NOTIFICATIONS: ['POST_NOTIFICATIONS'],
};

const GROUP_OF = new Map<string, string>();
for (const [group, names] of Object.entries(GROUPS)) for (const n of names) GROUP_OF.set(n, group);

/** `android.permission.CAMERA` → `CAMERA`; other keys are returned unchanged. */
function shortName(permissionKey: string): string {
  const m = /^android\.permission\.([A-Z0-9_]+)$/.exec(permissionKey);
  return m ? m[1] : permissionKey;
}

/** The runtime permission group a permission belongs to, or null for normal / non-Android ones. */
export function permissionGroupOf(permissionKey: string): string | null {
  return GROUP_OF.get(shortName(permissionKey)) ?? null;
}

/** A runtime permission: the user grants it per app and can revoke it in the settings. */
export function isRuntimePermission(permissionKey: string): boolean {
  return permissionGroupOf(permissionKey) !== null;
}

/** Permissions among `known` that revoking `permissionKey` in the settings also revokes (itself included). */
export function revokedTogether(permissionKey: string, known: Iterable<string>): string[] {
  const group = permissionGroupOf(permissionKey);
  const out = new Set([permissionKey]);
  if (group) for (const k of known) if (permissionGroupOf(k) === group) out.add(k);
  return [...out].sort();
}
