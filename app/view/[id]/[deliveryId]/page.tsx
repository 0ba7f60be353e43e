import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BinPage } from "@/components/view/BinPage";
import { isValidBinId } from "@/lib/capture/bin-id";

export const dynamic = "force-dynamic";

// Delivery ids are UUIDv7; anything else cannot be a delivery link.
const DELIVERY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Props {
  params: Promise<{ id: string; deliveryId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: isValidBinId(id) ? `Bin ${id}` : "Bin not found" };
}

export default async function ViewDeliveryPage({ params }: Props) {
  const { id, deliveryId } = await params;
  if (!isValidBinId(id) || !DELIVERY_ID.test(deliveryId)) notFound();
  return <BinPage binId={id} selectedId={deliveryId.toLowerCase()} />;
}
