import AsyncStorage from '@react-native-async-storage/async-storage';
import * as SecureStore from 'expo-secure-store';
import { createClient } from '@supabase/supabase-js';

// ruleid: rn-hardcoded-server-key
const stripe = new Stripe("sk_live_FAKEFAKEFAKEFAKEFAKE1234");

// ok: rn-hardcoded-server-key
const publishable = "pk_live_FAKEFAKEFAKEFAKEFAKE1234";

// ruleid: rn-service-role-jwt
const admin = createClient(SUPABASE_URL, "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.ZmFrZXNpZ25hdHVyZQ");

// ruleid: rn-secret-in-expo-public-env
const secret = process.env.EXPO_PUBLIC_STRIPE_SECRET_KEY;

// ok: rn-secret-in-expo-public-env
const apiUrl = process.env.EXPO_PUBLIC_API_URL;

export async function saveSession(token: string) {
  // ruleid: rn-token-in-asyncstorage
  await AsyncStorage.setItem("refresh_token", token);
  // ok: rn-token-in-asyncstorage
  await AsyncStorage.setItem("onboarding_seen", "1");
  // ok: rn-token-in-asyncstorage
  await SecureStore.setItemAsync("refresh_token", token);
}
